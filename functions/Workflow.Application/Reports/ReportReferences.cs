using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Workflow.Application.Reports;

/// <summary>
/// A report's two names, both random, neither derived from its content: the reporter's reference ("MR-" and 40 hex
/// digits, 160 bits: the secret that shows the report's state to whoever holds it) and the case id the workflow runs
/// under ("MRC-" and 24 hex digits), so the secret never reaches the task hub, logs or traces.
/// </summary>
public static partial class ReportReferences
{
    public static string NewReference() => "MR-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    public static string NewCaseId() => "MRC-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public static bool IsReference(string? value) => value is not null && Reference().IsMatch(value);

    [GeneratedRegex("^MR-[0-9A-F]{40}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
