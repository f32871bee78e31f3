using PdfSharp.Fonts;

namespace Workflow.Orchestrations.Letters;

/// <summary>
/// The letters' typeface, DejaVu Sans (regular and bold), shipped in the assembly (Letters/Fonts, with its licence):
/// PDFsharp asks a resolver for every font it draws with, and this one answers with the embedded faces whatever the
/// family asked for, so no letter ever depends on the fonts a machine happens to have. Stateless, so thread-safe.
/// </summary>
internal sealed class LetterFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";

    const string RegularFace = "DejaVuSans";
    const string BoldFace = "DejaVuSans-Bold";

    static readonly object Gate = new();

    static readonly Lazy<byte[]> Regular = new(() => Load("fonts/DejaVuSans.ttf"));
    static readonly Lazy<byte[]> Bold = new(() => Load("fonts/DejaVuSans-Bold.ttf"));

    static readonly LetterFontResolver Instance = new();

    LetterFontResolver()
    {
    }

    /// <summary>
    /// Installs the resolver for the process, once: PDFsharp allows its global resolver to be set before its first
    /// font operation only (or to the same instance again), so every renderer calls this first, under one lock.
    /// </summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, Instance))
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => faceName == BoldFace ? Bold.Value : Regular.Value;

    static byte[] Load(string resource)
    {
        using Stream stream = typeof(LetterFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded font {resource} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
