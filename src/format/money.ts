// Money and date presentation, the only place amounts become text for people.
export { fenToDisplay, fenToPlain } from '../domain/money.js';
