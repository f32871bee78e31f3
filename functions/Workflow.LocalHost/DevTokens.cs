using System.Globalization;
using Workflow.Application.Access;

namespace Workflow.LocalHost;

/// <summary>
/// The development command that issues a local bearer token and exits, so people (and the README walk-through) can
/// call the local API in any role:
/// <c>Workflow.LocalHost.dll issue-token --role caseworker [--applicant 0412345614] [--subject alice] [--name "Alice Peeters"] [--hours 8]</c>.
/// It signs with the same <c>Auth:SigningKey</c> the host reads (appsettings.json, environment, or
/// <c>--Auth:SigningKey=...</c>), prints the token alone on standard output and returns 0; on a usage error it prints
/// why on standard error and returns 2. It prints no key and writes no log.
/// </summary>
public static class DevTokens
{
    public const string Command = "issue-token";

    /// <summary>Longest lifetime the command issues: a working week of development, not a standing credential.</summary>
    public const int MaxHours = 168;

    public static bool IsCommand(string[] args) => args is [Command, ..];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? role = null, applicant = null, subject = null, displayName = null;
        int hours = 8;
        var settings = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            string name = args[i];
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (name)
            {
                case "--role" when value is not null:
                    role = value;
                    i++;
                    break;
                case "--applicant" when value is not null:
                    applicant = value;
                    i++;
                    break;
                case "--subject" when value is not null:
                    subject = value;
                    i++;
                    break;
                case "--name" when value is not null:
                    displayName = value;
                    i++;
                    break;
                case "--hours" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out hours):
                    i++;
                    break;
                default:
                    if (CommandSettings.TryAdd(name, settings))
                    {
                        break; // a setting, e.g. --Auth:SigningKey=...
                    }

                    return Usage(error, $"unexpected argument '{name}'");
            }
        }

        if (!Roles.IsKnown(role))
        {
            return Usage(error, $"--role must be one of: {string.Join(", ", Roles.All)}");
        }

        if (hours is < 1 or > MaxHours)
        {
            return Usage(error, $"--hours must be 1 to {MaxHours}");
        }

        // A worker's token names the worker by their own INSZ or BIS number (the "applicant" argument for that role).
        string? person = role == Roles.Worker ? applicant : null;
        if (role == Roles.Worker && !Orchestrations.Domain.Identifiers.PersonNumber.Check(person).IsValid)
        {
            return Usage(error, "a worker token needs --applicant: the worker's own INSZ or BIS number (11 digits, valid check digits)");
        }

        string? applicantKey = role == Roles.Worker ? null : ApplicantScope.Canonical(applicant);
        if (role == Roles.Employer && applicantKey is null)
        {
            return Usage(error, "an employer token needs --applicant: the employer's KBO number (10 digits, valid check digits) or self:<reference> for a self-employed applicant");
        }

        if (role is not (Roles.Employer or Roles.Worker) && applicant is not null)
        {
            return Usage(error, "--applicant is for employer and worker tokens only");
        }

        IConfiguration configuration = CommandSettings.Build(settings);
        string? key = configuration[LocalTokens.SigningKeySetting];
        if (key is null || System.Text.Encoding.UTF8.GetByteCount(key) < LocalTokens.MinKeyBytes)
        {
            return Usage(error, $"{LocalTokens.SigningKeySetting} is missing or shorter than {LocalTokens.MinKeyBytes} bytes");
        }

        output.WriteLine(LocalTokens.Issue(key, role!, applicantKey, subject ?? $"dev-{role}", TimeSpan.FromHours(hours), DateTimeOffset.UtcNow, name: displayName ?? $"Dev {role}", person: person));
        return 0;
    }

    static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"error: {problem}");
        error.WriteLine($"usage: Workflow.LocalHost.dll {Command} --role <{string.Join('|', Roles.All)}> [--applicant <kbo>|self:<reference>|<INSZ or BIS, for a worker>] [--subject <id>] [--name <display name>] [--hours 1-{MaxHours}]");
        return 2;
    }
}
