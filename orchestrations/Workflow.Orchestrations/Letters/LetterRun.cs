using PdfSharp.Drawing;

namespace Workflow.Orchestrations.Letters;

/// <summary>A piece of a laid-out line: text in one font, from a distance from the left margin.</summary>
internal sealed record LetterRun(string Text, XFont Font, double X);
