/** A request an analytic cannot answer as asked (bad range, too many departments): the user's to fix. */
export class AnalyticsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalyticsInputError';
  }
}
