using Workflow.Application.Commands;
using Workflow.Application.Ports;
using Workflow.Orchestrations.Cases;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Policy;
using Workflow.Orchestrations.Register;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;
using Workflow.UnitTests.Support;

namespace Workflow.UnitTests.Recognition;

/// <summary>
/// How a follow-up is asked for (§2.6): the registrar, entering a grant to a nurse awaiting recognition, leaves a start
/// request with the grant's real moment and the application's policy day length, before the grant's record of truth
/// (so a retry after a crash asks again, and asks once); any other grant, or a nurse's refusal, asks for nothing.
/// </summary>
public class RecognitionRegistrarTests
{
    const string ApplicationId = "wp-abcdefghijklmnopqrstuvwxyz";
    static readonly DateTimeOffset SubmittedAt = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan PolicyDay = TimeSpan.FromSeconds(2);

    readonly RenewalWorld world = new();
    readonly RecognitionRequests requests = new();

    AuthorisationRegistrar Registrar() => new(this.world, this.world, this.world, PolicyCatalog.Embedded, this.requests);

    void File(bool nurse)
    {
        ApplicationDossier dossier = Samples.Dossier(PermitCategory.HighlySkilled) with { ApplicationId = ApplicationId };
        this.world.Dossiers[ApplicationId] = dossier with { Worker = dossier.Worker with { NurseAwaitingRecognition = nurse } };
    }

    static PermitCase Closed(Outcome outcome) =>
        CommandGate.AsSubmitted(
            new SubmissionRecord(ApplicationId, Samples.Kbo, "sub-1", "hash", PermitCategory.HighlySkilled, SubmittedAt, 20000, "EUR", Scheduled: true, ReservedAt: SubmittedAt),
            PolicyCatalog.Embedded,
            PolicyDay) with
        { Stage = Stage.Closed, Outcome = outcome, DecidedAt = SubmittedAt.AddDays(5) };

    [Fact]
    public async Task A_grant_to_a_nurse_awaiting_recognition_asks_for_its_follow_up_once_with_the_grants_real_moment()
    {
        this.File(nurse: true);
        await this.Registrar().RecordIfGrantedAsync(Closed(Outcome.Granted), CancellationToken.None);
        await this.Registrar().RecordIfGrantedAsync(Closed(Outcome.Granted), CancellationToken.None); // a retried transition

        RecognitionStartRequest request = Assert.Single(this.requests.Requests.Values);
        // Five policy days of two seconds each after submission: the grant's real moment, the follow-up's epoch.
        Assert.Equal(new RecognitionStartRequest(ApplicationId, PermitCategory.HighlySkilled, SubmittedAt.AddSeconds(10), PolicyDay), request);
        Assert.True(this.world.Grants.ContainsKey(ApplicationId));
    }

    [Fact]
    public async Task Another_grant_or_a_nurses_refusal_asks_for_nothing()
    {
        this.File(nurse: false);
        await this.Registrar().RecordIfGrantedAsync(Closed(Outcome.Granted), CancellationToken.None);
        Assert.True(this.world.Grants.ContainsKey(ApplicationId));
        Assert.Empty(this.requests.Requests);

        this.world.Grants.Clear();
        this.File(nurse: true);
        await this.Registrar().RecordIfGrantedAsync(Closed(Outcome.Refused), CancellationToken.None);
        Assert.Empty(this.requests.Requests);
    }
}
