namespace Workflow.Orchestrations.Letters;

/// <summary>
/// A letter of the authority as a structure, rendered to PDF by <see cref="LetterPdf"/>: the Dutch letter, then its
/// English translation for the worker. It cites <paramref name="Grounds"/> (each with its section) and, for a
/// decision, states the <paramref name="AppealRoute"/>. <paramref name="Date"/> is a date in Brussels.
/// </summary>
public sealed record Letter(
    LetterKind Kind,
    string Reference,
    DateOnly Date,
    LetterAddressee Addressee,
    LetterPart Dutch,
    LetterPart English,
    IReadOnlyList<CitedGround> Grounds,
    AppealRoute? AppealRoute);
