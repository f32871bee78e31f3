using Workflow.Application.Ports;
using Workflow.Application.Validation;

namespace Workflow.Application.Commands;

/// <summary><c>PUT /api/sla/peak-periods</c>: the whole list of declared peak periods (dates inclusive, Belgian dates).</summary>
public sealed record PeakPeriodsRequest(IReadOnlyList<PeakPeriodInput?>? Periods);

public sealed record PeakPeriodInput(DateOnly? From, DateOnly? To, string? Label);

/// <summary>
/// Managers declare peak periods (docs/design.md#sla-semantics): a standard-track file whose clock starts inside one gets 45 days
/// instead of 30. Only new submissions are affected: an application keeps the terms it was submitted under.
/// </summary>
public sealed class PeakPeriodCommands(IPeakPeriodCalendar calendar, Orchestrations.Ports.IAuditLog auditLog, TimeProvider time)
{
    public const int MaxPeriods = 50;

    /// <summary>Where the audit log keeps who declared which peak periods (not an application: the registry's own partition).</summary>
    public const string AuditPartition = "registry-peak-periods";

    public Task<IReadOnlyList<PeakPeriod>> ListAsync(CancellationToken cancellationToken) => calendar.ListAsync(cancellationToken);

    public async Task<CommandResult> ReplaceAsync(PeakPeriodsRequest request, Access.Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        if (!errors.Require("periods", request.Periods))
        {
            return CommandResult.Invalid(errors);
        }

        if (request.Periods!.Count > MaxPeriods)
        {
            errors.Add("periods", $"at most {MaxPeriods} periods");
            return CommandResult.Invalid(errors);
        }

        var periods = new List<PeakPeriod>();
        for (int i = 0; i < request.Periods.Count; i++)
        {
            string field = $"periods[{i}]";
            PeakPeriodInput? input = request.Periods[i];
            if (!errors.Require(field, input))
            {
                continue;
            }

            bool complete = errors.Require($"{field}.from", input!.From) & errors.Require($"{field}.to", input.To);
            TextRules.FreeText(errors, $"{field}.label", input.Label, 100, required: false);
            if (!complete)
            {
                continue;
            }

            if (input.To < input.From)
            {
                errors.Add($"{field}.to", "must not be before from");
            }
            else if (input.From!.Value.Year < 2020 || input.To!.Value.Year > 2100)
            {
                errors.Add(field, "must lie between 2020 and 2100");
            }
            else
            {
                periods.Add(new PeakPeriod(input.From.Value, input.To!.Value, input.Label));
            }
        }

        List<PeakPeriod> ordered = [.. periods.OrderBy(p => p.From)];
        for (int i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From <= ordered[i - 1].To)
            {
                errors.Add("periods", $"the periods starting {ordered[i - 1].From:yyyy-MM-dd} and {ordered[i].From:yyyy-MM-dd} overlap");
            }
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid(errors);
        }

        ArgumentNullException.ThrowIfNull(actor);
        await calendar.ReplaceAsync(ordered, cancellationToken);
        DateTimeOffset now = time.GetUtcNow();
        await auditLog.AppendAsync(
            new Orchestrations.Contracts.AuditEntry(
                AuditPartition,
                $"peak-periods-{now.UtcTicks}",
                now,
                "peak-periods-declared",
                actor.Role,
                new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["periods"] = string.Join(',', ordered.Select(p => $"{p.From:yyyy-MM-dd}/{p.To:yyyy-MM-dd}")),
                },
                actor.Subject,
                actor.Name),
            cancellationToken);
        return CommandResult.Accepted(new PeakPeriodList(ordered));
    }
}
