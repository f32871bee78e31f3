using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The fonts of a letter, all DejaVu Sans (<see cref="LetterFontResolver"/>), Unicode-encoded so that every character
/// (§, é, –) is drawn and a reader can extract the text again.
/// </summary>
internal static class LetterFonts
{
    static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static XFont Small => Font(8, XFontStyleEx.Regular);

    public static XFont Body => Font(10, XFontStyleEx.Regular);

    public static XFont BodyBold => Font(10, XFontStyleEx.Bold);

    public static XFont Heading => Font(11, XFontStyleEx.Bold);

    public static XFont Title => Font(14, XFontStyleEx.Bold);

    static XFont Font(double size, XFontStyleEx style)
    {
        LetterFontResolver.EnsureInstalled();
        return new XFont(LetterFontResolver.Family, size, style, Unicode);
    }
}
