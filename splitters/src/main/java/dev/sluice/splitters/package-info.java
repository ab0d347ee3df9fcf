/** Split strategies: which channel each record belongs to, and the plans that decide it. */
package dev.sluice.splitters;
