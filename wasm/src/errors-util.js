// fail(message): throws a GradlabError; kept apart from runtime.js so argument
// helpers do not depend on the loaded engine.
import { GradlabError } from './errors.js';

export function fail(message) {
  throw new GradlabError(message);
}
