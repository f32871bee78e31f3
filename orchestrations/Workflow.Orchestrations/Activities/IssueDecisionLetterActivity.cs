using Microsoft.DurableTask;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Letters;
using Workflow.Orchestrations.Ports;

namespace Workflow.Orchestrations.Activities;

/// <summary>What the letter says: the outcome and its grounds (codes), and the decision date in policy time.</summary>
public sealed record LetterRequest(string ApplicationId, Outcome Outcome, IReadOnlyList<string> Grounds, DateTimeOffset DecidedAt);

/// <summary>Writes the decision letter and keeps it with the dossier; the fixed letter name makes a retry overwrite, not duplicate.</summary>
public sealed class IssueDecisionLetterActivity(IDossierStore dossiers, LetterSettings settings) : TaskActivity<LetterRequest, string>
{
    public const string LetterName = "decision.txt";

    public override async Task<string> RunAsync(TaskActivityContext context, LetterRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ApplicationDossier dossier = await dossiers.GetApplicationAsync(input.ApplicationId, CancellationToken.None)
            ?? throw new InvalidOperationException($"The dossier of application {input.ApplicationId} is missing.");
        string letter = DecisionLetter.Compose(dossier, input.Outcome, input.Grounds, input.DecidedAt, settings);
        return await dossiers.SaveLetterAsync(input.ApplicationId, LetterName, letter, CancellationToken.None);
    }
}
