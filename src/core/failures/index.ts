// What kind of failure a logged exchange is, and its headline: the record's facts meet the engine's verdict.
export { failureHeadlineOfExchange, failureKindOfExchange } from './failure-of-exchange';
