using Workflow.Application.Queries;

namespace Workflow.Application.Workers;

/// <summary><c>GET /api/worker/applications</c>: the applications that name the worker, each as its applicant follows it.</summary>
public sealed record WorkerApplications(IReadOnlyList<ApplicationStatus> Applications);
