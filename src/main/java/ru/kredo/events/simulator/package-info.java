/**
 * A bureau simulator, seeded and reproducible: made-up but well-formed Russian people ({@link
 * ru.kredo.events.simulator.SimulatedPeople}) and realistic streams of their credit events ({@link
 * ru.kredo.events.simulator.BureauSimulator}), for the demo, the command line and benchmarks.
 */
@org.springframework.modulith.NamedInterface("simulator")
package ru.kredo.events.simulator;
