using PdfSharp.Pdf;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// Renders a <see cref="Letter"/> to PDF (PDFsharp, DejaVu Sans embedded): the Dutch letter first, then, from a new
/// page, its English translation; each with the addressee, reference and date, the title, the particulars, the
/// paragraphs, the grounds with their sections and codes, the closing paragraphs, the appeal route and the signatory,
/// and the note that the one is the other's translation. Every page has the letterhead and the reference, and is
/// numbered. Safe to call from several threads at once.
/// </summary>
public static class LetterPdf
{
    const double Space = 8;

    public static byte[] Render(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        LetterFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = letter.Dutch.Title;
        document.Info.Subject = letter.Reference;
        document.Info.Author = "Vlaamse overheid – Departement Werk en Sociale Economie";
        using (var writer = new LetterPageWriter(document, letter.Reference))
        {
            writer.NewPage();
            WritePart(writer, letter, letter.Dutch);
            writer.NewPage();
            WritePart(writer, letter, letter.English);
        }

        LetterPageWriter.NumberPages(document);
        using var pdf = new MemoryStream();
        document.Save(pdf, closeStream: false);
        return pdf.ToArray();
    }

    static void WritePart(LetterPageWriter writer, Letter letter, LetterPart part)
    {
        LetterLabels labels = LetterLabels.For(part.Language);
        if (part.Language != LetterLanguage.Dutch)
        {
            writer.Write(writer.Lines(labels.Letterhead, LetterFonts.Small), Space);
        }

        LetterFact[] heading =
        [
            new(labels.Addressee, letter.Addressee.Identifier is { } identifier ? $"{letter.Addressee.Name}, {identifier}" : letter.Addressee.Name),
            new(labels.Reference, letter.Reference),
            new(labels.Date, LetterWording.Date(letter.Date, part.Language)),
        ];
        WriteFacts(writer, heading);
        writer.Write([], Space * 2);
        writer.Write(writer.Lines(part.Title, LetterFonts.Title), Space);
        if (part.Language != LetterLanguage.Dutch)
        {
            writer.Write(writer.Lines(labels.Translation, LetterFonts.Small), Space);
        }

        writer.Write([], Space / 2);
        WriteFacts(writer, part.Facts);
        writer.Write([], Space);
        foreach (string paragraph in part.Paragraphs)
        {
            writer.Write(writer.Lines(paragraph, LetterFonts.Body), Space);
        }

        if (letter.Grounds.Count > 0)
        {
            // The heading stays with the first ground: it is written as one block with it.
            IEnumerable<LetterLine> title = writer.Lines(labels.Grounds, LetterFonts.Heading);
            for (int i = 0; i < letter.Grounds.Count; i++)
            {
                CitedGround ground = letter.Grounds[i];
                IEnumerable<LetterLine> item = Bullet(writer, $"{ground.Description(part.Language)} ({ground.Section}, {ground.Code})");
                writer.Write(i == 0 ? title.Concat(item) : item, Space / 2);
            }

            writer.Write([], Space / 2);
        }

        foreach (string paragraph in part.Closing)
        {
            writer.Write(writer.Lines(paragraph, LetterFonts.Body), Space);
        }

        if (letter.AppealRoute is { } appeal)
        {
            writer.Write(writer.Lines(labels.Appeal, LetterFonts.Heading).Concat(writer.Lines(appeal.Text(part.Language), LetterFonts.Body)), Space);
        }

        writer.Write(writer.Lines(labels.Closing, LetterFonts.Body).Concat(writer.Lines(labels.Signatory, LetterFonts.Body)), Space * 2);
        if (part.Language == LetterLanguage.Dutch)
        {
            writer.Write(writer.Lines(labels.Translation, LetterFonts.Small), 0);
        }
    }

    /// <summary>Label and value lines, the values in one column after the widest label.</summary>
    static void WriteFacts(LetterPageWriter writer, IReadOnlyList<LetterFact> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }

        double column = Math.Min(
            facts.Max(fact => writer.Measure($"{fact.Label}: ", LetterFonts.BodyBold)) + 4,
            LetterPageWriter.Width * 0.4);
        foreach (LetterFact fact in facts)
        {
            writer.Write(writer.Labelled(fact.Label, fact.Value, column), 0);
        }
    }

    /// <summary>A list item: a bullet at the margin, the text wrapped in a hanging indent.</summary>
    static IEnumerable<LetterLine> Bullet(LetterPageWriter writer, string text)
    {
        const double Indent = 14;
        LetterLine[] lines = [.. writer.Lines(text, LetterFonts.Body, Indent)];
        return lines.Select((line, i) => i == 0 ? line with { Runs = [new LetterRun("•", LetterFonts.Body, 0), .. line.Runs] } : line);
    }
}
