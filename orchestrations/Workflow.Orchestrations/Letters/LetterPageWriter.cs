using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// Lays a letter out on A4 pages, top to bottom: it wraps text to the width of the page, keeps a block (a paragraph, a
/// ground with its description) on one page when it fits on one, and starts a new page, with the letterhead and the
/// reference, whenever the next block does not fit; a block longer than a page goes on line by line.
/// </summary>
internal sealed class LetterPageWriter(PdfDocument document, string reference) : IDisposable
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    const double Margin = 64;
    const double Top = 84;
    const double Bottom = 72;
    const double LineSpacing = 1.4;

    readonly PdfDocument document = document ?? throw new ArgumentNullException(nameof(document));

    XGraphics? graphics;
    double y;

    /// <summary>The width text may take.</summary>
    public static double Width => PageWidth - (2 * Margin);

    XGraphics Graphics => this.graphics ?? throw new InvalidOperationException("No page is open.");

    public void NewPage()
    {
        this.graphics?.Dispose();
        PdfPage page = this.document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        this.graphics = XGraphics.FromPdfPage(page);
        XFont small = LetterFonts.Small;
        this.graphics.DrawString(LetterLabels.Dutch.Letterhead, small, XBrushes.DimGray, Margin, 40, XStringFormats.TopLeft);
        this.graphics.DrawString(
            $"{LetterLabels.Dutch.Reference} / {LetterLabels.English.Reference}: {reference}", small, XBrushes.DimGray, Margin, 52, XStringFormats.TopLeft);
        this.graphics.DrawLine(XPens.LightGray, Margin, 68, PageWidth - Margin, 68);
        this.y = Top;
    }

    public double Measure(string text, XFont font) => this.Graphics.MeasureString(text, font).Width;

    /// <summary>Lines of <paramref name="text"/> no wider than <paramref name="width"/>, broken between words (inside a word only when it is wider than a line).</summary>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = "";
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : $"{line} {word}";
                if (this.Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (this.Measure(line, font) > width && line.Length > 1)
                {
                    int fits = line.Length - 1;
                    while (fits > 1 && this.Measure(line[..fits], font) > width)
                    {
                        fits--;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Text wrapped at <paramref name="x"/> (from the margin), each line its own <see cref="LetterLine"/>.</summary>
    public IEnumerable<LetterLine> Lines(string text, XFont font, double x = 0) =>
        this.Wrap(text, font, Width - x).Select(line => new LetterLine([new LetterRun(line, font, x)], LineHeight(font)));

    /// <summary>
    /// A label and its value: the label (in bold, with the space after it, so the text reads "Label: value") at the
    /// margin, the value wrapped in the column at <paramref name="column"/>.
    /// </summary>
    public IEnumerable<LetterLine> Labelled(string label, string value, double column)
    {
        IReadOnlyList<string> values = this.Wrap(value, LetterFonts.Body, Width - column);
        for (int i = 0; i < values.Count; i++)
        {
            LetterRun text = new(values[i], LetterFonts.Body, column);
            yield return new LetterLine(i == 0 ? [new LetterRun($"{label}: ", LetterFonts.BodyBold, 0), text] : [text], LineHeight(LetterFonts.Body));
        }
    }

    /// <summary>Draws a block of lines: on this page when it fits, else on a new one; a block taller than a page runs on over pages.</summary>
    public void Write(IEnumerable<LetterLine> block, double spaceAfter)
    {
        LetterLine[] lines = [.. block];
        double height = lines.Sum(line => line.Height);
        if (this.y + height > PageHeight - Bottom && height <= PageHeight - Bottom - Top)
        {
            this.NewPage();
        }

        foreach (LetterLine line in lines)
        {
            if (this.y + line.Height > PageHeight - Bottom)
            {
                this.NewPage();
            }

            foreach (LetterRun run in line.Runs)
            {
                this.Graphics.DrawString(run.Text, run.Font, XBrushes.Black, Margin + run.X, this.y, XStringFormats.TopLeft);
            }

            this.y += line.Height;
        }

        this.y += spaceAfter;
    }

    /// <summary>Numbers every page in both languages, once all are written.</summary>
    public static void NumberPages(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int count = document.PageCount;
        for (int i = 0; i < count; i++)
        {
            using XGraphics graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            string text = $"Pagina {i + 1} van {count} – Page {i + 1} of {count}";
            XFont small = LetterFonts.Small;
            double width = graphics.MeasureString(text, small).Width;
            graphics.DrawString(text, small, XBrushes.DimGray, (PageWidth - width) / 2, PageHeight - 44, XStringFormats.TopLeft);
        }
    }

    public static double LineHeight(XFont font)
    {
        ArgumentNullException.ThrowIfNull(font);
        return font.Size * LineSpacing;
    }

    public void Dispose() => this.graphics?.Dispose();
}
