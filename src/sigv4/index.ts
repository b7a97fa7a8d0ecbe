// PLACEHOLDER: the SigV4 helper lands here (issue 2).
export {};
