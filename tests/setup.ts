import { useScryptStrengthForTests } from '../server/auth/passwords'

// Test processes only: production hashing stays at full strength (server/auth/passwords.ts).
useScryptStrengthForTests('cheap')
