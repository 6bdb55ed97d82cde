import { quoteCString } from '../literals/quote-c-string';
import { quoteCStrings } from '../literals/quote-c-strings';
import { resolveCorsNeeds } from '../resolve-cors-needs';
import type { FixInput, Snippet } from '../types';

const POLICY = 'CorsLensPolicy';

export function aspnetcoreSnippet(input: FixInput): Snippet {
  const needs = resolveCorsNeeds(input);
  const useCors = (mount: string) =>
    mount === ''
      ? [`app.UseCors(${quoteCString(POLICY)});`]
      : [
          `app.UseWhen(context => context.Request.Path.StartsWithSegments(${quoteCString(mount)}),`,
          `    api => api.UseCors(${quoteCString(POLICY)}));`,
        ];
  const calls = [
    `.WithOrigins(${quoteCString(needs.origin)})`,
    // ASP.NET's policy allows no method unless listed, safelisted ones included, once a preflight happens.
    `.WithMethods(${quoteCStrings(needs.methods)})`,
    needs.allowHeaders.length > 0 ? `.WithHeaders(${quoteCStrings(needs.allowHeaders)})` : undefined,
    needs.exposeHeaders.length > 0 ? `.WithExposedHeaders(${quoteCStrings(needs.exposeHeaders)})` : undefined,
    needs.credentials ? '.AllowCredentials()' : undefined,
    `.SetPreflightMaxAge(TimeSpan.FromSeconds(${needs.maxAge}))`,
  ].filter((call) => call !== undefined);
  return {
    framework: 'aspnetcore',
    title: 'ASP.NET Core (CORS middleware)',
    language: 'csharp',
    versions: 'ASP.NET Core 6 or later (Program.cs with WebApplication)',
    verification: {
      live: false,
      reason:
        'Debian 12 packages no .NET SDK and this project reaches no other package source, so no ASP.NET Core app runs in its tests.',
    },
    code: [
      '// Program.cs, part 1: before `var app = builder.Build();`',
      `builder.Services.AddCors(options => options.AddPolicy(${quoteCString(POLICY)}, policy => policy`,
      ...calls.map((call) => `    ${call}`),
      '));',
      '',
      '// Part 2: after `var app = builder.Build();` and app.UseRouting() (if you call it), before',
      '// app.UseAuthentication()/UseAuthorization() and your Map… calls, so the preflight needs no login.',
      ...useCors(needs.scope.mount),
    ].join('\n'),
  };
}
