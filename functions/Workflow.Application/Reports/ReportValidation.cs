using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Reports;

namespace Workflow.Application.Reports;

/// <summary>
/// Checks misuse reports and inspectors' actions field by field (a 400 with every error, nothing stored) and gives the
/// content's fingerprint, which tells a repeat (same id, same content) from a conflict (same id, other content).
/// </summary>
public static partial class ReportValidation
{
    public const int MaxDescription = 4000;
    public const int MaxWorkerSituation = 2000;
    public const int MaxReason = 2000;

    /// <summary>The report, checked and normalised (the KBO number as 10 digits, signals distinct and in order), or null with <paramref name="errors"/> filled.</summary>
    public static MisuseReportContent? Check(MisuseReportRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        ClientId(errors, "reportId", request.ReportId);

        string? kbo = null;
        if (request.EmployerKbo is not null && !EnterpriseNumber.IsValid(request.EmployerKbo, out kbo))
        {
            errors.Add("employerKbo", "is not a valid KBO enterprise number (10 digits, the last two 97 minus the first eight modulo 97)");
        }

        TextRules.FreeText(errors, "workerSituation", request.WorkerSituation, MaxWorkerSituation, required: false);
        if (request.EmployerKbo is null && string.IsNullOrWhiteSpace(request.WorkerSituation))
        {
            errors.Add("employerKbo", "say what is reported: an employer's KBO number, the worker's situation, or both");
        }

        var signals = new List<MisuseSignal>();
        if (request.Signals is not { Count: > 0 })
        {
            errors.Add("signals", "name at least one signal");
        }
        else if (request.Signals.Count > 10)
        {
            errors.Add("signals", "name at most 10 signals");
        }
        else
        {
            for (int i = 0; i < request.Signals.Count; i++)
            {
                if (Signal(request.Signals[i]) is MisuseSignal signal)
                {
                    signals.Add(signal);
                }
                else
                {
                    errors.Add($"signals[{i}]", $"is not a signal; one of {string.Join(", ", Enum.GetValues<MisuseSignal>().Select(Code))}");
                }
            }
        }

        TextRules.FreeText(errors, "description", request.Description, MaxDescription);
        if (request.Contact is { } contact)
        {
            if (contact.Name is not null)
            {
                TextRules.PersonName(errors, "contact.name", contact.Name);
            }

            TextRules.Email(errors, "contact.email", contact.Email, required: false);
            if (contact.Phone is not null && !Phone().IsMatch(contact.Phone))
            {
                errors.Add("contact.phone", "is not a phone number (digits and spaces, an optional leading +, 6 to 20 characters)");
            }

            if (contact is { Name: null, Email: null, Phone: null })
            {
                errors.Add("contact", "leave it out, or give a name, an e-mail address or a phone number");
            }
        }

        return errors.IsValid
            ? new MisuseReportContent(kbo, request.WorkerSituation, [.. signals.Distinct().Order()], request.Description!, request.Contact)
            : null;
    }

    public static Inspection? InspectionOf(string? code) => code switch
    {
        "social" => Inspection.Social,
        "housing" => Inspection.Housing,
        _ => null,
    };

    public static MisuseSignal? Signal(string? code) =>
        Enum.GetValues<MisuseSignal>().Cast<MisuseSignal?>().FirstOrDefault(s => Code(s!.Value) == code);

    public static ReportOutcome? Outcome(string? code) =>
        Enum.GetValues<ReportOutcome>().Cast<ReportOutcome?>().FirstOrDefault(o => Code(o!.Value) == code);

    /// <summary>A forward, checked: the inspection it leaves and the reason, or null with <paramref name="errors"/> filled.</summary>
    public static (string ActionId, Inspection From, string Reason)? Check(ForwardReportRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        ClientId(errors, "actionId", request.ActionId);
        Inspection? from = InspectionFrom(errors, "from", request.From);
        TextRules.FreeText(errors, "reason", request.Reason, MaxReason);
        return errors.IsValid ? (request.ActionId!, from!.Value, request.Reason!) : null;
    }

    /// <summary>A close, checked: the inspection, the outcome and the note, or null with <paramref name="errors"/> filled.</summary>
    public static (string ActionId, Inspection Inspection, ReportOutcome Outcome, string? Note)? Check(CloseReportRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        ClientId(errors, "actionId", request.ActionId);
        Inspection? inspection = InspectionFrom(errors, "inspection", request.Inspection);
        ReportOutcome? outcome = null;
        if (errors.Require("outcome", request.Outcome) && (outcome = Outcome(request.Outcome)) is null)
        {
            errors.Add("outcome", $"is not an outcome; one of {string.Join(", ", Enum.GetValues<ReportOutcome>().Select(o => Code(o)))}");
        }

        TextRules.FreeText(errors, "note", request.Note, MaxReason, required: false);
        return errors.IsValid ? (request.ActionId!, inspection!.Value, outcome!.Value, request.Note) : null;
    }

    /// <summary>SHA-256 over the canonical JSON of <paramref name="content"/>, hex.</summary>
    public static string Fingerprint(object content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, Orchestrations.Serialization.WorkflowJson.Options))));

    public static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    static void ClientId(ValidationErrors errors, string field, string? value)
    {
        if (errors.Require(field, value) && !TextRules.ClientId().IsMatch(value!))
        {
            errors.Add(field, "must be 1 to 64 letters, digits, '.', '_', '-' or ':', starting with a letter or digit");
        }
    }

    static Inspection? InspectionFrom(ValidationErrors errors, string field, string? value)
    {
        Inspection? inspection = null;
        if (errors.Require(field, value) && (inspection = InspectionOf(value)) is null)
        {
            errors.Add(field, "must be social or housing");
        }

        return inspection;
    }

    [GeneratedRegex("^\\+?[0-9][0-9 ]{5,19}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
