using Workflow.Application.Commands;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Application.Withdrawals;

/// <summary>
/// The exclusions a withdrawal proposes (§2.1, "tot op het niveau van de bestuurder"): the employer (its KBO number) and
/// every current director as KBO lists them now, read from the authentic sources as admissibility reads them, for the
/// months the policy data sets from the day of the decision. They go through the registry's own command
/// (<see cref="ExclusionCommands.ProposeAsync"/>) in the name of the caseworker who decided, so a second person confirms
/// each as for every exclusion. Ids are derived from the withdrawal (a director's from their fingerprint), so a repeat
/// proposes nothing new. What KBO gave is kept in the grant's dossier.
/// </summary>
public sealed class WithdrawalExclusions(
    IWithdrawals withdrawals, IDossierStore dossiers, IAuthenticSources sources, IPartyFingerprint fingerprints, ExclusionCommands exclusions) : IWithdrawalExclusions
{
    /// <summary>The dossier record of what KBO listed when the exclusions were proposed.</summary>
    public static string SourcesRecord(string withdrawalId) => $"withdrawal-{withdrawalId}-sources.json";

    public async Task<IReadOnlyList<string>> ProposeAsync(ExclusionProposalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoredWithdrawal withdrawal = await withdrawals.GetAsync(request.WithdrawalId, cancellationToken)
            ?? throw new InvalidOperationException($"Withdrawal {request.WithdrawalId} is not in the withdrawals table.");
        WithdrawalCommand decision = withdrawal.Commands.FirstOrDefault(c => c.Kind == WithdrawalModel.DecisionKind && c.CommandId == request.DecisionId)
            ?? throw new InvalidOperationException($"Withdrawal {request.WithdrawalId} has no decision {request.DecisionId}.");
        ApplicationDossier dossier = await dossiers.GetApplicationAsync(request.AuthorisationId, cancellationToken)
            ?? throw new InvalidOperationException($"The dossier of application {request.AuthorisationId} is missing.");
        AuthenticSourceOverview overview = await sources.GatherAsync(dossier, cancellationToken);
        await dossiers.SaveRecordAsync(request.AuthorisationId, SourcesRecord(request.WithdrawalId), overview, cancellationToken);

        DateOnly from = PolicyCatalog.BelgianDate(request.DecidedAt);
        DateOnly until = from.AddMonths(request.Months).AddDays(-1);
        var proposed = new List<string>();
        if ((dossier.Employer?.Kbo ?? dossier.SelfEmployed?.Kbo) is string kbo)
        {
            proposed.Add(await this.ProposeOneAsync(
                new ExclusionRequest($"{request.WithdrawalId}-employer", ExcludedParty.Employer, kbo, from, until, request.Ground, request.WithdrawalId), decision, cancellationToken));
        }

        foreach (string number in AuthorisationRegistrar.DirectorNumbers(overview).Distinct(StringComparer.Ordinal))
        {
            string id = $"{request.WithdrawalId}-director-{fingerprints.OfPersonNumber(number)[..12]}";
            proposed.Add(await this.ProposeOneAsync(
                new ExclusionRequest(id, ExcludedParty.Director, number, from, until, request.Ground, request.WithdrawalId), decision, cancellationToken));
        }

        return proposed;
    }

    async Task<string> ProposeOneAsync(ExclusionRequest exclusion, WithdrawalCommand decision, CancellationToken cancellationToken)
    {
        CommandResult result = await exclusions.ProposeAsync(exclusion, decision.By, cancellationToken);
        return result.Status is CommandStatus.Accepted or CommandStatus.AlreadyDone
            ? exclusion.ExclusionId!
            : throw new InvalidOperationException($"The registry refused exclusion {exclusion.ExclusionId}: {result.Status} {result.Detail}");
    }
}
