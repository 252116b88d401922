import { nicAttachmentProgram } from "./program";

// Everything the program returns becomes a stack output.
export = nicAttachmentProgram();
