using Microsoft.Kiota.Abstractions.Authentication;

namespace Workflow.FunctionalTests.Infrastructure;

/// <summary>The one hand-written part a caller of the generated client needs: the bearer token, here a fixed one for the test host.</summary>
internal sealed class BearerTokenProvider(string token, Uri host) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([host.Host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(this.AllowedHostsValidator.IsUrlHostValid(uri) ? token : string.Empty);
}
