/**
 * The registrar's aggregate: genesis, agencies, keys with validity intervals ({@link
 * id.saksi.core.domain.registry.KeyRegistry}), and catalogue adoption.
 */
package id.saksi.core.domain.registry;
