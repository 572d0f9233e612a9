// The public edge, second part: where Front Door sends what, what it keeps, and the app's right to purge it.
// One public host for the API (/api/*, the function app) and the published open data (/open-data/*, the blob
// container), so the status page reads the API from its own origin. The local edge (edge/voortgang.vcl) keeps the
// same rules: the cache key, the query parameters in it, the bypass for requests with a token or a cookie.
param profileName string
param endpointName string
param functionAppHostName string
param blobHostName string
param principalId string

@description('The query parameters of the API\'s GET operations (its OpenAPI document); only these are in the cache key, so an unknown parameter cannot make the edge fetch again.')
param queryParameters array

// What Front Door compresses when the origin did not (the API compresses its own answers above 1 KiB).
var compressed = [
  'application/json'
  'application/problem+json'
  'application/atom+xml'
  'application/ld+json'
  'application/schema+json'
  'application/vnd.oai.openapi+json'
  'text/csv'
  'text/html'
  'text/css'
  'text/javascript'
  'application/javascript'
  'application/yaml'
]

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: profileName
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' existing = {
  parent: profile
  name: endpointName
}

// One origin per group: Front Door's health probes would only add requests (there is nothing to fail over to).
resource apiGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'api'
  properties: {
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 }
    sessionAffinityState: 'Disabled'
  }
}

resource apiOrigin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: apiGroup
  name: 'functie-app'
  properties: {
    hostName: functionAppHostName
    originHostHeader: functionAppHostName
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

resource dataGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'open-data'
  properties: {
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 }
    sessionAffinityState: 'Disabled'
  }
}

resource dataOrigin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: dataGroup
  name: 'blob'
  properties: {
    hostName: blobHostName
    originHostHeader: blobHostName
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}

// Front Door caches by the answer's Cache-Control, also for a request that carries a token; the app answers those
// with private, no-store, but a cached public answer would still be served to them. So: never from the cache.
resource rules 'Microsoft.Cdn/profiles/ruleSets@2024-02-01' = {
  parent: profile
  name: 'nietuitdecache'
}

resource metToken 'Microsoft.Cdn/profiles/ruleSets/rules@2024-02-01' = {
  parent: rules
  name: 'metToken'
  properties: {
    order: 1
    matchProcessingBehavior: 'Continue'
    conditions: [
      {
        name: 'RequestHeader'
        parameters: { typeName: 'DeliveryRuleRequestHeaderConditionParameters', selector: 'Authorization', operator: 'Any', negateCondition: false, matchValues: [], transforms: [] }
      }
    ]
    // A route override without a cache configuration: caching off for this request.
    actions: [
      { name: 'RouteConfigurationOverride', parameters: { typeName: 'DeliveryRuleRouteConfigurationOverrideActionParameters' } }
    ]
  }
}

resource metCookie 'Microsoft.Cdn/profiles/ruleSets/rules@2024-02-01' = {
  parent: rules
  name: 'metCookie'
  properties: {
    order: 2
    matchProcessingBehavior: 'Continue'
    conditions: [
      {
        name: 'RequestHeader'
        parameters: { typeName: 'DeliveryRuleRequestHeaderConditionParameters', selector: 'Cookie', operator: 'Any', negateCondition: false, matchValues: [], transforms: [] }
      }
    ]
    actions: [
      { name: 'RouteConfigurationOverride', parameters: { typeName: 'DeliveryRuleRouteConfigurationOverrideActionParameters' } }
    ]
  }
}

resource apiRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'api'
  dependsOn: [apiOrigin, metToken, metCookie]
  properties: {
    originGroup: { id: apiGroup.id }
    patternsToMatch: ['/api/*']
    supportedProtocols: ['Http', 'Https']
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
    ruleSets: [{ id: rules.id }]
    cacheConfiguration: {
      queryStringCachingBehavior: 'IncludeSpecifiedQueryStrings'
      queryParameters: join(queryParameters, ',')
      compressionSettings: { isCompressionEnabled: true, contentTypesToCompress: compressed }
    }
  }
}

resource dataRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'open-data'
  dependsOn: [dataOrigin, apiRoute]
  properties: {
    originGroup: { id: dataGroup.id }
    // The container is called open-data: the public path is the blob path.
    patternsToMatch: ['/open-data/*']
    supportedProtocols: ['Http', 'Https']
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
    cacheConfiguration: {
      queryStringCachingBehavior: 'IgnoreQueryString'
      compressionSettings: { isCompressionEnabled: true, contentTypesToCompress: compressed }
    }
  }
}

// The app may purge this endpoint and do nothing else with it: a custom role with the one action.
resource purgeRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'voortgang-edge-purge')
  properties: {
    roleName: 'Voortgang edge purge (${resourceGroup().name})'
    description: 'Purge cached content of the Voortgang API\'s Front Door endpoint; nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: ['Microsoft.Cdn/profiles/afdEndpoints/purge/action']
        notActions: []
      }
    ]
    assignableScopes: [resourceGroup().id]
  }
}

resource purgeAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(endpoint.id, principalId, purgeRole.id)
  scope: endpoint
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: purgeRole.id
  }
}

output purgeRoleId string = purgeRole.id
