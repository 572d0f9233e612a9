using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using VoortgangApi.Functions.Identiteit;

namespace VoortgangApi.Functions.Http;

/// <summary>
/// Runs <see cref="ApiMiddleware"/> around every HTTP function in the worker, and writes the function's result inside
/// it. Left alone, the worker's FunctionsHttpProxyingMiddleware would execute the returned IActionResult only after
/// this middleware had returned: outside its problem mapping, and too late for the answer cache to keep it.
/// </summary>
internal sealed class WorkerApiMiddleware(ApiMiddleware api, Toegangscontrole toegang) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }

        await api.InvokeAsync(http, async () =>
        {
            // The app is the one guard of the admin operations: a refused call never reaches the function.
            var programma = context.BindingContext.BindingData.TryGetValue(Programmas.Programmaroute.Parameter, out var p) ? p as string : null;
            if (await toegang.WeigeringAsync(context.FunctionDefinition.Name, http, programma) is { } weigering)
            {
                return weigering;
            }

            await next(context);
            return context.GetInvocationResult().Value as IActionResult;
        }, beschermd: toegang.Rol(context.FunctionDefinition.Name) is not null);
        context.GetInvocationResult().Value = AlGeschreven.Instance;
    }

    /// <summary>What the proxying middleware gets once the answer is written: an action result that writes nothing.</summary>
    private sealed class AlGeschreven : IActionResult
    {
        public static readonly AlGeschreven Instance = new();

        public Task ExecuteResultAsync(ActionContext context) => Task.CompletedTask;
    }
}
