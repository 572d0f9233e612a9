// Voortgang API — deployed with `azd up`. Subscription scope: creates the resource group, then everything in it.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for all resources.')
param location string

@description('Extra origins that may call the API from the browser (CORS); the status page on the blob endpoint is always allowed.')
param corsAllowedOrigins array = []

@description('The public website\'s own origin (e.g. https://voortgang.example.nl), if it has a custom domain; empty for none.')
param websiteOrigin string = ''

@minLength(6)
@description('Contact e-mail address in the OpenAPI document and the open-data catalogue (a functional mailbox, never a person).')
param contactEmail string

@minLength(1)
@description('Client id of the API\'s Entra ID app registration (the audience of its tokens); the preprovision hook creates it.')
param apiClientId string

@minLength(1)
@description('Client id of the beheer page\'s own app registration (the reference page signs in with it too); the preprovision hook creates it.')
param beheerClientId string

@description('Client ids of pipelines whose application tokens may call the API, comma-separated; empty for none.')
param pipelineClientIds string = ''

@description('NCRONTAB (six fields, UTC) of the timer that takes due snapshots.')
param snapshotSchedule string = '0 0 * * * *'

var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'resources'
  scope: rg
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    corsAllowedOrigins: corsAllowedOrigins
    websiteOrigin: websiteOrigin
    contactEmail: contactEmail
    snapshotSchedule: snapshotSchedule
    apiClientId: apiClientId
    beheerClientId: beheerClientId
    pipelineClientIds: pipelineClientIds
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = resources.outputs.functionAppName
output SERVICE_API_URI string = resources.outputs.functionAppUri
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output OPEN_DATA_BASE_URL string = resources.outputs.openDataBaseUrl
// The public host: the API at /api/v1, the open data and the status page at /open-data (the function app itself only
// answers Front Door).
output PUBLIC_URL string = resources.outputs.publicUrl
