/** The tools agent: option parsing and the starters of the tools. Not an API. */
package io.lowimpact.tools.internal;
