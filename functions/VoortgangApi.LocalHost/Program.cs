using VoortgangApi.LocalHost;

await LocalFunctionsHost.Build(args).RunAsync();
