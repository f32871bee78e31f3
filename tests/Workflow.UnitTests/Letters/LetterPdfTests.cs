using Workflow.Orchestrations.Letters;
using Workflow.Tests.Shared;

namespace Workflow.UnitTests.Letters;

/// <summary>
/// The PDF layout: a letter too long for a page runs on over pages without losing or cutting anything, every page
/// carries the letterhead, the reference and its number, and rendering is safe from several threads at once.
/// </summary>
public class LetterPdfTests
{
    static Letter Letter(IReadOnlyList<CitedGround> grounds) => new(
        LetterKind.Decision,
        "wp-pages",
        new DateOnly(2026, 3, 20),
        new LetterAddressee("Acme Logistics NV", "KBO 0123456749"),
        new LetterPart(LetterLanguage.Dutch, "Een lange brief", [new("Dossier", "wp-pages")], ["De aanvraag wordt geweigerd om de volgende redenen."], ["Slot van de brief."]),
        new LetterPart(LetterLanguage.English, "A long letter", [new("Application", "wp-pages")], ["The application is refused on the following grounds."], ["End of the letter."]),
        grounds,
        new AppealRoute("Beroep kan binnen dertig dagen.", "An appeal lies within thirty days."));

    /// <summary>Grounds of several lines each, numbered so each can be found whole: far more than a page holds.</summary>
    static CitedGround[] ManyGrounds(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new CitedGround(
            $"ground-{i:D3}",
            $"§2.{(i % 10) + 1}",
            $"Nederlandse omschrijving nummer {i:D3} van een grond die lang genoeg is om over meer dan één regel te lopen, met é, ë en § erin, en die eindigt hier {i:D3}.",
            $"English description number {i:D3} of a ground long enough to run over more than one line of the letter, and which ends here {i:D3}.")),
    ];

    [Fact]
    public void A_letter_with_many_grounds_spans_pages_and_keeps_every_ground_whole_on_one_page_in_order()
    {
        CitedGround[] grounds = ManyGrounds(60);
        IReadOnlyList<string> pages = PdfText.Pages(LetterPdf.Render(Letter(grounds)));

        Assert.True(pages.Count >= 6, $"60 grounds of three lines in two languages take several pages, not {pages.Count}");
        string text = string.Join(" ", pages);
        int previous = -1;
        foreach (CitedGround ground in grounds)
        {
            string dutch = $"{ground.DescriptionNl} ({ground.Section}, {ground.Code})";
            Assert.Single(pages, page => page.Contains(dutch, StringComparison.Ordinal)); // whole, on one page
            int at = text.IndexOf(dutch, StringComparison.Ordinal);
            Assert.True(at > previous, $"{ground.Code} follows the ground before it");
            previous = at;
        }

        foreach (CitedGround ground in grounds)
        {
            Assert.Single(pages, page => page.Contains($"{ground.DescriptionEn} ({ground.Section}, {ground.Code})", StringComparison.Ordinal));
        }

        Assert.Contains("Slot van de brief. Beroep Beroep kan binnen dertig dagen.", text, StringComparison.Ordinal);
        Assert.Contains("End of the letter. Appeal An appeal lies within thirty days.", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("ground-060)", StringComparison.Ordinal) < text.IndexOf("A long letter", StringComparison.Ordinal), "the English translation follows the whole Dutch letter");
    }

    [Fact]
    public void Every_page_has_the_letterhead_the_reference_and_its_number()
    {
        IReadOnlyList<string> pages = PdfText.Pages(LetterPdf.Render(Letter(ManyGrounds(40))));

        for (int i = 0; i < pages.Count; i++)
        {
            Assert.StartsWith("Vlaamse overheid – Departement Werk en Sociale Economie", pages[i], StringComparison.Ordinal);
            Assert.Contains("Ons kenmerk / Our reference: wp-pages", pages[i], StringComparison.Ordinal);
            Assert.EndsWith($"Pagina {i + 1} van {pages.Count} – Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_word_wider_than_the_page_is_broken_rather_than_run_off_it()
    {
        string longWord = string.Concat(Enumerable.Repeat("abcdefghij", 30));
        Letter letter = Letter([]) with { Dutch = Letter([]).Dutch with { Paragraphs = [longWord] } };

        string text = PdfText.Of(LetterPdf.Render(letter)).Replace(" ", "", StringComparison.Ordinal);

        Assert.Contains(longWord, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letters_render_on_several_threads_at_once()
    {
        string[] texts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            PdfText.Of(LetterPdf.Render(Letter(ManyGrounds(i + 1)))))));

        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Contains($"ends here {i + 1:D3}.", texts[i], StringComparison.Ordinal);
        }
    }
}
