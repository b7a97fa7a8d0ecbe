// PLACEHOLDER: the CLI lands here (issue 4).
export {};
