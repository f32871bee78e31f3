using Workflow.Application.Validation;
using Workflow.Orchestrations.Domain.Identifiers;
using Workflow.Orchestrations.Ports;

namespace Workflow.Application.Commands;

/// <summary><c>POST /api/exclusions</c>: an employer or director barred from the procedure after earlier violations (§2.1).</summary>
public sealed record ExclusionRequest(ExcludedParty? Party, string? PartyReference, DateOnly? From, DateOnly? Until, string? ReasonCode, string? DecisionReference);

/// <summary>The exclusion registry as managers and inspectors keep it; admissibility checks it for the employer and every director.</summary>
public sealed class ExclusionCommands(IExclusionRegistry registry)
{
    public Task<IReadOnlyList<Exclusion>> ListAsync(CancellationToken cancellationToken) => registry.ListAsync(cancellationToken);

    public async Task<CommandResult> AddAsync(ExclusionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        errors.Require("party", request.Party);
        errors.Require("from", request.From);
        TextRules.Id(errors, "decisionReference", request.DecisionReference);
        if (errors.Require("reasonCode", request.ReasonCode) && !TextRules.OccupationCode().IsMatch(request.ReasonCode!))
        {
            errors.Add("reasonCode", "must be a kebab-case code, e.g. illegal-employment");
        }

        string? reference = request.PartyReference;
        if (request.Party == ExcludedParty.Employer)
        {
            if (EnterpriseNumber.IsValid(reference, out string kbo))
            {
                reference = kbo;
            }
            else
            {
                errors.Add("partyReference", "an employer is excluded by its KBO number (with valid check digits)");
            }
        }
        else if (request.Party == ExcludedParty.Director)
        {
            TextRules.Id(errors, "partyReference", reference);
        }

        if (request.Until is DateOnly until && request.From is DateOnly from && until < from)
        {
            errors.Add("until", "must not be before from");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        var exclusion = new Exclusion(request.Party!.Value, reference!, request.From!.Value, request.Until, request.ReasonCode!, request.DecisionReference!);
        await registry.AddAsync(exclusion, cancellationToken);
        return CommandResult.Accepted(exclusion);
    }
}
