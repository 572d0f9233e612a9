using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace VoortgangApi.LocalHost;

/// <summary>
/// Calls a function method the way the isolated worker does: a fresh instance of the function class from DI
/// per invocation, trigger and route values bound by parameter name.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly MethodInfo _methode;

    public FunctionInvoker(FunctionEntry entry, string map)
    {
        Entry = entry;
        var scheiding = entry.EntryPoint.LastIndexOf('.');
        var assembly = Assembly.LoadFrom(Path.Combine(map, entry.ScriptFile));
        var type = assembly.GetType(entry.EntryPoint[..scheiding], throwOnError: true)!;
        _methode = type.GetMethod(entry.EntryPoint[(scheiding + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new MissingMethodException(entry.EntryPoint);

        // Fail at start-up, not at the first request, when a function wants something this host cannot give.
        if (_methode.GetParameters().Any(p => p.ParameterType == typeof(FunctionContext)))
        {
            throw new NotSupportedException($"{entry.Name}: een parameter van type FunctionContext wordt door de lokale host niet ondersteund.");
        }
    }

    public FunctionEntry Entry { get; }

    public async Task<IActionResult?> InvokeAsync(IServiceProvider services, Func<ParameterInfo, object?> binder)
    {
        var instance = _methode.IsStatic ? null : ActivatorUtilities.CreateInstance(services, _methode.DeclaringType!);
        try
        {
            var args = _methode.GetParameters().Select(binder).ToArray();
            var resultaat = _methode.Invoke(instance, args);
            switch (resultaat)
            {
                case Task<IActionResult> taak: return await taak;
                case Task taak: await taak; return null;
                default: return resultaat as IActionResult;
            }
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }
}
