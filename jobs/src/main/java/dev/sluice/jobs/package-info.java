/** The Sluice Flink jobs: configuration, pipeline assembly and entry points. */
package dev.sluice.jobs;
