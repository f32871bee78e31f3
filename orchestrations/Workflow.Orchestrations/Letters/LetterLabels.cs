namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The fixed words of a letter's layout in one language: the letterhead, the labels of its particulars, the headings,
/// the closing and signatory, and the note that links the Dutch letter and its translation.
/// </summary>
internal sealed record LetterLabels(
    string Letterhead,
    string Addressee,
    string Reference,
    string Date,
    string Grounds,
    string Appeal,
    string Closing,
    string Signatory,
    string Translation)
{
    public static LetterLabels Dutch { get; } = new(
        "Vlaamse overheid – Departement Werk en Sociale Economie – Afdeling Economische Migratie",
        "Aan",
        "Ons kenmerk",
        "Datum",
        "Gronden",
        "Beroep",
        "Met vriendelijke groeten,",
        "Afdeling Economische Migratie, Departement Werk en Sociale Economie",
        "Een Engelse vertaling van deze brief volgt, ter informatie van de werknemer.");

    public static LetterLabels English { get; } = new(
        "Flemish Government – Department of Work and Social Economy – Economic Migration",
        "To",
        "Our reference",
        "Date",
        "Grounds",
        "Appeal",
        "Kind regards,",
        "Economic Migration, Department of Work and Social Economy",
        "English translation, for the worker's information; the Dutch letter is the authoritative text.");

    public static LetterLabels For(LetterLanguage language) => language == LetterLanguage.Dutch ? Dutch : English;
}
