/** What the browser and the server agree on about Sign-In with Ethereum messages. */

/** The statement in every sign-in message (the server accepts any statement; this is what it shows). */
export const signInStatement = "Sign in to Commons to save drafts and statements.";
