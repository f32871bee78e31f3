using Workflow.LocalHost.Engine;

namespace Workflow.UnitTests.Engine;

/// <summary>How many activities the local engine runs at once: the Functions host's default unless set, never a negative number.</summary>
public sealed class EngineSettingsTests
{
    [Fact]
    public void Activities_at_once_default_to_ten_per_processor_as_in_the_functions_host()
    {
        var settings = new EngineSettings();
        settings.Validate();
        Assert.Equal(10 * Environment.ProcessorCount, settings.EffectiveMaxConcurrentActivities);
    }

    [Fact]
    public void Activities_at_once_set_explicitly_are_taken_as_set()
    {
        var settings = new EngineSettings { MaxConcurrentActivities = 3 };
        settings.Validate();
        Assert.Equal(3, settings.EffectiveMaxConcurrentActivities);
    }

    [Fact]
    public void A_negative_number_of_activities_at_once_is_refused_naming_the_setting()
    {
        var settings = new EngineSettings { MaxConcurrentActivities = -1 };
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(settings.Validate);
        Assert.Contains("Engine:MaxConcurrentActivities", refused.Message, StringComparison.Ordinal);
    }
}
