using Workflow.FunctionalTests.Infrastructure;

namespace Workflow.FunctionalTests.Assignment;

/// <summary>A member of staff acting through the API: the client with their token, their subject and display name.</summary>
internal sealed record Staff(ApiClient Api, string Subject, string Name);
