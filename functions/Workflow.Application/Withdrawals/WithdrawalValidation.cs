using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Serialization;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// Checks findings and the commands on a withdrawal field by field (a 400 with every error, nothing stored) and gives the
/// content's fingerprint, which tells a repeat (same id, same content) from a conflict (same id, other content).
/// </summary>
public static class WithdrawalValidation
{
    public const int MaxEvidence = 20;
    public const int MaxEvidenceReference = 200;
    public const int MaxSummary = 4000;
    public const int MaxStatement = 8000;
    public const int MaxReason = 4000;

    /// <summary>A finding, checked: its evidence trimmed, or null with <paramref name="errors"/> filled.</summary>
    public static FindingRequest? Check(FindingRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        TextRules.Id(errors, "findingId", request.FindingId);
        if (errors.Require("authorisationId", request.AuthorisationId) && !ApplicationIds.IsWellFormed(request.AuthorisationId))
        {
            errors.Add("authorisationId", "is not an application id (the register names each authorisation by the application that granted it)");
        }

        Ground(errors, "ground", request.Ground);
        if (request.Evidence is not { Count: > 0 })
        {
            errors.Add("evidence", "name at least one piece of evidence (an id or a short description)");
        }
        else if (request.Evidence.Count > MaxEvidence)
        {
            errors.Add("evidence", $"name at most {MaxEvidence} pieces of evidence");
        }
        else
        {
            for (int i = 0; i < request.Evidence.Count; i++)
            {
                TextRules.FreeText(errors, $"evidence[{i}]", request.Evidence[i], MaxEvidenceReference);
            }
        }

        TextRules.FreeText(errors, "summary", request.Summary, MaxSummary, required: false);
        return errors.IsValid ? request with { Evidence = [.. request.Evidence!.Select(e => e.Trim())] } : null;
    }

    public static bool Check(HearingResponseRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        TextRules.Id(errors, "responseId", request.ResponseId);
        TextRules.FreeText(errors, "statement", request.Statement, MaxStatement);
        return errors.IsValid;
    }

    /// <summary>A decision, checked: its verdict, or null with <paramref name="errors"/> filled.</summary>
    public static WithdrawalVerdict? Check(WithdrawalDecisionRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        TextRules.Id(errors, "decisionId", request.DecisionId);
        WithdrawalVerdict? verdict = request.Verdict switch
        {
            "withdraw" => WithdrawalVerdict.Withdraw,
            "keep" => WithdrawalVerdict.Keep,
            _ => null,
        };
        if (verdict is null)
        {
            errors.Add("verdict", "must be withdraw or keep");
        }
        else if (verdict == WithdrawalVerdict.Withdraw)
        {
            Ground(errors, "ground", request.Ground);
        }
        else if (request.Ground is not null)
        {
            errors.Add("ground", "a decision to keep the authorisation cites no ground; give the reason instead");
        }

        TextRules.FreeText(errors, "reason", request.Reason, MaxReason, required: verdict == WithdrawalVerdict.Keep);
        return errors.IsValid ? verdict : null;
    }

    public static string Fingerprint(object content) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, WorkflowJson.Options))));

    static void Ground(ValidationErrors errors, string field, string? code)
    {
        if (errors.Require(field, code) && !WithdrawalModel.IsGround(code))
        {
            errors.Add(field, $"must be one of the §2.1 grounds for a withdrawal: {string.Join(", ", WithdrawalModel.Grounds.Select(g => g.Code))}");
        }
    }
}
