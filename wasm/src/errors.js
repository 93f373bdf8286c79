// GradlabError: the one error type of the package. Engine failures carry the
// engine's message, which is PyTorch's text where PyTorch has one.
export class GradlabError extends Error {
  constructor(message) {
    super(message);
    this.name = 'GradlabError';
  }
}
