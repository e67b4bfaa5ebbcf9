using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to configuration section <paramref name="section"/> and
    /// validates its data annotations (and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>)
    /// when the host starts, so a missing or wrong setting stops the process at once, not at first use.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }
}
