namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The names letters are kept under in the dossier (one per kind and application: writing it again replaces it, so a
/// retried activity does not add a second letter), and the codes of their kinds.
/// </summary>
public static class LetterNames
{
    /// <summary>The decision letter of the text era, still served for the cases decided then.</summary>
    public const string LegacyDecisionText = "decision.txt";

    public static string Code(LetterKind kind) => kind switch
    {
        LetterKind.Decision => "decision",
        LetterKind.HearingInvitation => "hearing-invitation",
        LetterKind.WithdrawalDecision => "withdrawal-decision",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a letter kind."),
    };

    /// <summary>The PDF's name in the dossier: <c>decision.pdf</c>, <c>hearing-invitation.pdf</c>, <c>withdrawal-decision.pdf</c>.</summary>
    public static string Pdf(LetterKind kind) => $"{Code(kind)}.pdf";

    /// <summary>The name at the end of a letter's reference in the dossier (".../letters/decision.pdf").</summary>
    public static string FromReference(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return reference[(reference.LastIndexOf('/') + 1)..];
    }
}
