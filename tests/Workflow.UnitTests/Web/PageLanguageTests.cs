using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Application.Web;

namespace Workflow.UnitTests.Web;

/// <summary>
/// Every label and message of the pages exists in Dutch and in English: each section's dictionaries hold the same keys,
/// none empty, and every key the scripts and pages name literally is in them.
/// </summary>
public sealed partial class PageLanguageTests
{
    static Dictionary<string, string> Dictionary(string path)
    {
        PageAsset asset = Pages.Find(path) ?? throw new InvalidOperationException($"{path} is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(asset.Content)!;
    }

    public static TheoryData<string> Sections => [.. Pages.Sections];

    [Theory]
    [MemberData(nameof(Sections))]
    public void Dutch_and_English_hold_the_same_keys_and_no_empty_text(string section)
    {
        Dictionary<string, string> nl = Dictionary($"{section}/i18n/nl.json");
        Dictionary<string, string> en = Dictionary($"{section}/i18n/en.json");

        Assert.Empty(nl.Keys.Except(en.Keys, StringComparer.Ordinal));
        Assert.Empty(en.Keys.Except(nl.Keys, StringComparer.Ordinal));
        Assert.All(nl.Concat(en), pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{pair.Key} is empty"));
        if (section != "ui")
        {
            Assert.Contains($"{section}.title", nl.Keys); // the page's title and header
        }
    }

    [Fact]
    public void Every_key_a_script_or_page_names_has_its_text()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (PageAsset asset in Pages.All.Where(a => a.Path.EndsWith("/i18n/nl.json", StringComparison.Ordinal)))
        {
            known.UnionWith(JsonSerializer.Deserialize<Dictionary<string, string>>(asset.Content)!.Keys);
        }

        var missing = new List<string>();
        foreach (PageAsset asset in Pages.All.Where(a => a.Path.EndsWith(".js", StringComparison.Ordinal) || a.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            string text = Encoding.UTF8.GetString(asset.Content);
            foreach (Match match in LiteralKey().Matches(text))
            {
                string key = match.Groups["key"].Value;
                if (!known.Contains(key))
                {
                    missing.Add($"{asset.Path}: {key}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Pages_are_embedded_with_their_content_types()
    {
        Assert.Equal("text/html; charset=utf-8", Pages.Find("/")!.ContentType);
        Assert.Equal("text/javascript; charset=utf-8", Pages.Find("/ui/app.js")!.ContentType);
        Assert.Equal("text/css; charset=utf-8", Pages.Find("/ui/style.css")!.ContentType);
        Assert.Same(Pages.Find("/workbench/"), Pages.Find("workbench/index.html"));
        Assert.Null(Pages.Find("/workbench/../ui/app.js"));
    }

    // t('key'), t("key"), text('key') and data-i18n="key": literal keys only (computed ones are checked where they are built).
    [GeneratedRegex("""(?:\bt|\btext)\(\s*['"](?<key>[a-zA-Z][\w.-]*)['"]|data-i18n="(?<key>[^"]+)""")]
    private static partial Regex LiteralKey();
}
