using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Workflows.RecognitionFollowUp;

namespace Workflow.Application.Recognition;

/// <summary>One open follow-up on the staff list: its stage, due date (policy time), days left (negative once overdue), and where to read it.</summary>
public sealed record RecognitionWorkItem(
    string ApplicationId,
    PermitCategory Category,
    RecognitionStage Stage,
    DateTimeOffset DueAt,
    bool Overdue,
    double DaysLeft,
    bool TermExtended,
    string Url,
    string StatusUrl);
