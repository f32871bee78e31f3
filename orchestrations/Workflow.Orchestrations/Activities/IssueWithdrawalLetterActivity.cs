using Microsoft.DurableTask;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Withdrawals;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Writes a withdrawal's letter (the hearing invitation or the decision) into the grant's dossier, beside its decision
/// letter; the fixed name per withdrawal and letter makes a retry overwrite, not duplicate.
/// </summary>
public sealed class IssueWithdrawalLetterActivity(IDossierStore dossiers, IAuthorisationRegister register) : TaskActivity<WithdrawalLetterRequest, string>
{
    /// <summary>The letter's name in the grant's dossier.</summary>
    public static string LetterName(string withdrawalId, WithdrawalLetterKind letter) => letter switch
    {
        WithdrawalLetterKind.HearingInvitation => $"withdrawal-{withdrawalId}-hearing-invitation.txt",
        _ => $"withdrawal-{withdrawalId}-decision.txt",
    };

    public override async Task<string> RunAsync(TaskActivityContext context, WithdrawalLetterRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ApplicationDossier dossier = await dossiers.GetApplicationAsync(input.AuthorisationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input.AuthorisationId} is missing.");
        Authorisation authorisation = await register.GetAsync(input.AuthorisationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Application {input.AuthorisationId} has no authorisation in the register.");
        string text = input.Letter == WithdrawalLetterKind.HearingInvitation
            ? HearingInvitationLetter.Compose(dossier, authorisation, input.WithdrawalId, input.Ground, input.Dated, input.AnswerBy ?? input.Dated, input.ExclusionMonths)
            : WithdrawalDecisionLetter.Compose(dossier, authorisation, input.WithdrawalId, input.Ground, input.Dated, input.ExclusionMonths);
        return await dossiers.SaveLetterAsync(input.AuthorisationId, LetterName(input.WithdrawalId, input.Letter), text, CancellationToken.None);
    }
}
