// PLACEHOLDER: the programmatic migration API lands here (issue 4).
export {};
