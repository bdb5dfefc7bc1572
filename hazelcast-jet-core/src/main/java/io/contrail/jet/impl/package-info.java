/** Implementation of the member; nothing here is public API. */
package io.contrail.jet.impl;
