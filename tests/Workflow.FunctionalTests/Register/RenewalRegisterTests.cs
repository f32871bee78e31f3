using Microsoft.Extensions.DependencyInjection;
using Workflow.FunctionalTests.Infrastructure;
using Workflow.Orchestrations.Domain;
using Workflow.Orchestrations.Ports;
using Workflow.Orchestrations.Register;

namespace Workflow.FunctionalTests.Register;

/// <summary>
/// The renewal of an authorisation in the register's table on Azurite: of renewals claimed at once exactly one holds
/// it; only its holder frees or completes it; once renewed it stays renewed.
/// </summary>
public sealed class RenewalRegisterTests
{
    [Fact]
    public async Task One_application_holds_the_renewal_and_only_it_frees_or_completes_it()
    {
        PermitHost host = await SharedHost.GetAsync();
        IAuthorisationRegister register = host.Services.GetRequiredService<IAuthorisationRegister>();
        string employer = $"self:REN-{Guid.NewGuid():N}";
        string renewed = ApplicationIds.Derive(employer, "grant");
        string[] renewing = [.. Enumerable.Range(1, 8).Select(i => ApplicationIds.Derive(employer, $"renewal-{i}"))];
        DateTimeOffset at = DateTimeOffset.UtcNow;
        CancellationToken none = CancellationToken.None;

        // Eight claims at once: all of them see the same single holder.
        AuthorisationRenewal[] answers = await Task.WhenAll(renewing.Select(id => register.ClaimRenewalAsync(new AuthorisationRenewal(renewed, id, RenewalState.Pending, at), none)));
        string holder = Assert.Single(answers.Select(a => a.RenewingApplicationId).Distinct());
        Assert.Equal(holder, (await register.GetRenewalAsync(renewed, none))!.RenewingApplicationId);
        string other = renewing.First(id => id != holder);

        // Another application neither frees nor completes it.
        await register.ReleaseRenewalAsync(renewed, other, none);
        await register.CompleteRenewalAsync(renewed, other, none);
        Assert.Equal((holder, RenewalState.Pending), Read(await register.GetRenewalAsync(renewed, none)));

        // Its holder frees it (closed without a grant): another claims it, and completes it (granted).
        await register.ReleaseRenewalAsync(renewed, holder, none);
        Assert.Null(await register.GetRenewalAsync(renewed, none));
        Assert.Equal(other, (await register.ClaimRenewalAsync(new AuthorisationRenewal(renewed, other, RenewalState.Pending, at), none)).RenewingApplicationId);
        await register.CompleteRenewalAsync(renewed, other, none);
        await register.CompleteRenewalAsync(renewed, other, none); // a retry changes nothing

        // Renewed for good: not freed, and every later claim sees who renewed it.
        await register.ReleaseRenewalAsync(renewed, other, none);
        AuthorisationRenewal later = await register.ClaimRenewalAsync(new AuthorisationRenewal(renewed, holder, RenewalState.Pending, at.AddMinutes(1)), none);
        Assert.Equal((other, RenewalState.Renewed), Read(later));
        Assert.Equal(at, later.ClaimedAt);

        // A renewal row is not a grant: the register still knows no grant of that application, and no employer's list shows it.
        Assert.Null(await register.GetAsync(renewed, none));
        Assert.Empty((await register.ListByEmployerAsync(employer, 10, null, none)).Items);
    }

    static (string, RenewalState) Read(AuthorisationRenewal? renewal) => (renewal!.RenewingApplicationId, renewal.State);
}
