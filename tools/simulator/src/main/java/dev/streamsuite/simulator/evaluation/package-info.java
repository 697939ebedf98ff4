/** Scores the alerts the services raised against the recorded ground truth, and reads and writes that ground truth. */
package dev.streamsuite.simulator.evaluation;
