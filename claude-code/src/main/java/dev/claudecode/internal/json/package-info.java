/**
 * The library's JSON codec (Jackson) and the plain-Java views of JSON it hands out. Implementation, not API.
 */
package dev.claudecode.internal.json;
