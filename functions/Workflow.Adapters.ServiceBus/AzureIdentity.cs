using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Workflow.Adapters.ServiceBus;

/// <summary>
/// The credential of an identity-based connection, read the way the Azure Functions host reads one: in the connection's
/// section, <c>credential</c> = <c>managedidentity</c> with an optional <c>clientId</c> selects that (user-assigned)
/// managed identity; otherwise <see cref="DefaultAzureCredential"/> (a developer's Azure CLI or Visual Studio sign-in).
/// </summary>
public static class AzureIdentity
{
    public const string ManagedIdentity = "managedidentity";

    public static TokenCredential CredentialFor(IConfigurationSection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string? credential = connection["credential"];
        string? clientId = connection["clientId"];
        if (string.Equals(credential, ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}
